package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/** Builds the sink for the configured warehouse. */
public final class WarehouseSinks {

  private WarehouseSinks() {}

  /**
   * @param hadoop the configuration to reach warehouse.tempdir with
   */
  public static WarehouseSink create(
      WarehouseConfig config,
      Warehouse warehouse,
      Configuration hadoop,
      Consumer<String> progress) {
    WarehouseSql sql = WarehouseSql.of(config);
    return switch (config.kind()) {
      case EMBEDDED_POSTGRES, POSTGRES ->
          new PostgresCopySink(warehouse, sql, config.tempdir(), hadoop, progress);
      case REDSHIFT ->
          new RedshiftSink(
              warehouse, sql, config.withPassword(config.resolvedPassword()), progress);
    };
  }
}

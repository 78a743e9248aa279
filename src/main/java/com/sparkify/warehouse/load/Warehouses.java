package com.sparkify.warehouse.load;

import com.sparkify.warehouse.config.WarehouseConfig;

/** Opens the warehouse a config names. */
public final class Warehouses {

  private Warehouses() {}

  public static Warehouse open(WarehouseConfig config) {
    return switch (config.kind()) {
      case EMBEDDED_POSTGRES ->
          EmbeddedWarehouse.start(config.embeddedDirectory(), config.connectTimeoutSeconds());
      case POSTGRES, REDSHIFT ->
          new JdbcWarehouse(
              config.url(),
              config.user(),
              config.resolvedPassword(),
              config.connectTimeoutSeconds());
    };
  }
}

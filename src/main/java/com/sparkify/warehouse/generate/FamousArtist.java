package com.sparkify.warehouse.generate;

import java.util.List;

/**
 * A hand-written artist whose name needs care: non-ASCII letters (the log mis-encodes these) or
 * characters JSON must escape.
 */
record FamousArtist(String name, String guest, String location, List<String> titles) {

  static final List<FamousArtist> ALL =
      List.of(
          new FamousArtist("Beyoncé", "Jay-Z", "Houston, TX", List.of("Déjà Vu", "Halo")),
          new FamousArtist(
              "Sigur Rós",
              "Jónsi",
              "Reykjavík, Iceland",
              List.of("Hoppípolla", "Glósóli", "Svefn-g-englar")),
          new FamousArtist(
              "Mötley Crüe",
              "Vince Neil",
              "Los Angeles, CA",
              List.of("Kickstart My Heart", "Dr. Feelgood")),
          new FamousArtist(
              "Björk", "Thom Yorke", "Reykjavík, Iceland", List.of("Jóga", "Hyperballad")),
          new FamousArtist("Motörhead", "Girlschool", "London, England", List.of("Ace of Spades")),
          new FamousArtist("Кино", "Виктор Цой", "", List.of("Группа крови", "Кукушка")),
          new FamousArtist("宇多田ヒカル", "椎名林檎", "Tokyo, Japan", List.of("First Love", "花束を君に")),
          new FamousArtist("Céline Dion", "Garou", "", List.of("Pour que tu m'aimes encore")),
          new FamousArtist(
              "\"Weird Al\" Yankovic",
              "Dr. Demento",
              "Los Angeles, CA",
              List.of("White & Nerdy", "Amish Paradise")),
          new FamousArtist("坂本龍一", "David Sylvian", "Tokyo, Japan", List.of("戦場のメリークリスマス")),
          new FamousArtist(
              "Jóhann Jóhannsson",
              "Hildur Guðnadóttir",
              "Reykjavík, Iceland",
              List.of("Flight From The City")),
          new FamousArtist("AC/DC", "Bon Scott", "", List.of("Back In Black \\ Live")),
          new FamousArtist(
              "Édith Piaf",
              "Charles Aznavour",
              "Paris, France",
              List.of("La Vie en rose", "Non, je ne regrette rien")),
          new FamousArtist("Maná", "Carlos Santana", "", List.of("Labios compartidos")),
          new FamousArtist("Земфира", "Мумий Тролль", "", List.of("Искала")),
          new FamousArtist("Die Ärzte", "Farin Urlaub", "", List.of("Schrei nach Liebe")));
}

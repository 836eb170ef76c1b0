CREATE TABLE `用户` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `名字` VARCHAR(50) NOT NULL,
  `Ärger ☃` DATE,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `select` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `order` VARCHAR(20),
  `group` DECIMAL(8,3),
  `ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc` SMALLINT,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `select_order_unique` UNIQUE (`order`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='a reserved word';

CREATE TABLE `we"ird table` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `it's` VARCHAR(255) DEFAULT '''quoted'' "double"; -- not a comment \\ backslash' COMMENT 'it''s a comment; with \\ and "quotes"',
  `back``tick` INTEGER NOT NULL DEFAULT 0,
  `semi;colon` ENUM('a''b', 'c;d', 'e"f') DEFAULT 'c;d',
  `dash--dash` TINYINT(1) DEFAULT 1,
  `new
line` TEXT,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `用户Id` INTEGER,
  `fk"to;select` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `we"ird table_用户Id_fkey` FOREIGN KEY (`用户Id`) REFERENCES `用户` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `we"ird table_fk"to;select_fkey` FOREIGN KEY (`fk"to;select`) REFERENCES `select` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `v` CHAR(36) BINARY,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `ParentId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `ttttttttttttttttttttttttttttttttttttttttttttttttttttttt_eb95db6a` FOREIGN KEY (`ParentId`) REFERENCES `ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `join``me"now` (
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `SelectId` INTEGER NOT NULL,
  `LongId` INTEGER NOT NULL,
  PRIMARY KEY (`SelectId`, `LongId`),
  CONSTRAINT `join``me"now_SelectId_fkey` FOREIGN KEY (`SelectId`) REFERENCES `select` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `join``me"now_LongId_fkey` FOREIGN KEY (`LongId`) REFERENCES `ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='a reserved word';

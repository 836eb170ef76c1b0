CREATE TABLE `Users` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(255) NOT NULL,
  `email` VARCHAR(320) NOT NULL,
  `role` ENUM('reader', 'editor', 'admin') NOT NULL DEFAULT 'reader',
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `ProfilePictureId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Users_email_unique` UNIQUE (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='People who sign in and upload pictures';

CREATE TABLE `Pictures` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `url` VARCHAR(2048) NOT NULL,
  `format` VARCHAR(16) COMMENT 'jpg, png, webp',
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `uid` INTEGER NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `Pictures_uid_fkey` FOREIGN KEY (`uid`) REFERENCES `Users` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Posts` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(255) NOT NULL,
  `body` TEXT,
  `published` TINYINT(1) NOT NULL DEFAULT 0,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `UserId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Posts_UserId_fkey` FOREIGN KEY (`UserId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `posts_title` ON `Posts` (`title`);

CREATE TABLE `Tags` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `label` VARCHAR(64) NOT NULL,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `Tags_label_unique` UNIQUE (`label`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `PostTags` (
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `PostId` INTEGER NOT NULL,
  `TagId` INTEGER NOT NULL,
  PRIMARY KEY (`PostId`, `TagId`),
  CONSTRAINT `PostTags_PostId_fkey` FOREIGN KEY (`PostId`) REFERENCES `Posts` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `PostTags_TagId_fkey` FOREIGN KEY (`TagId`) REFERENCES `Tags` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Customers` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(320) NOT NULL,
  `full_name` VARCHAR(120) NOT NULL,
  `vip` TINYINT(1) NOT NULL DEFAULT 0,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `deletedAt` DATETIME,
  PRIMARY KEY (`id`),
  CONSTRAINT `Customers_email_unique` UNIQUE (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Someone who buys';

CREATE TABLE `Addresses` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `street` VARCHAR(255) NOT NULL,
  `city` VARCHAR(100) NOT NULL,
  `zip` VARCHAR(16),
  `country` CHAR(2) NOT NULL DEFAULT 'DE',
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `CustomerId` INTEGER NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `Addresses_CustomerId_fkey` FOREIGN KEY (`CustomerId`) REFERENCES `Customers` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Products` (
  `id` CHAR(36) BINARY NOT NULL,
  `sku` VARCHAR(32) NOT NULL,
  `name` VARCHAR(255) NOT NULL,
  `price` DECIMAL(10,2) NOT NULL DEFAULT 0,
  `description` TEXT,
  `specs` JSON,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `Products_sku_unique` UNIQUE (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX `products_name` ON `Products` (`name`);

CREATE TABLE `Categories` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(80) NOT NULL,
  `slug` VARCHAR(80) NOT NULL,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `parentId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Categories_slug_unique` UNIQUE (`slug`),
  CONSTRAINT `Categories_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `Categories` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Suppliers` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(255) NOT NULL,
  `vatNumber` VARCHAR(20),
  `country` CHAR(2),
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `Suppliers_supplier_tax_unique` UNIQUE (`vatNumber`, `country`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Coupons` (
  `code` VARCHAR(24) NOT NULL,
  `percentOff` SMALLINT NOT NULL,
  `validUntil` DATE,
  PRIMARY KEY (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Orders` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `status` ENUM('cart', 'placed', 'paid', 'shipped', 'cancelled') NOT NULL DEFAULT 'placed',
  `total` DECIMAL(12,2) NOT NULL DEFAULT 0,
  `placedAt` DATETIME DEFAULT CURRENT_TIMESTAMP,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `CustomerId` INTEGER,
  `ShippingAddressId` INTEGER,
  `CouponCode` VARCHAR(24),
  PRIMARY KEY (`id`),
  CONSTRAINT `Orders_CustomerId_fkey` FOREIGN KEY (`CustomerId`) REFERENCES `Customers` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `Orders_ShippingAddressId_fkey` FOREIGN KEY (`ShippingAddressId`) REFERENCES `Addresses` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT `Orders_CouponCode_fkey` FOREIGN KEY (`CouponCode`) REFERENCES `Coupons` (`code`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `OrderItems` (
  `id` BIGINT NOT NULL AUTO_INCREMENT,
  `quantity` INTEGER NOT NULL DEFAULT 1,
  `unitPrice` DECIMAL(10,2) NOT NULL,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `OrderId` INTEGER,
  `ProductId` CHAR(36) BINARY,
  PRIMARY KEY (`id`),
  CONSTRAINT `OrderItems_ProductId_OrderId_unique` UNIQUE (`OrderId`, `ProductId`),
  CONSTRAINT `OrderItems_OrderId_fkey` FOREIGN KEY (`OrderId`) REFERENCES `Orders` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `OrderItems_ProductId_fkey` FOREIGN KEY (`ProductId`) REFERENCES `Products` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='A product on an order, with its quantity and the price paid';

CREATE TABLE `Reviews` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `rating` SMALLINT NOT NULL,
  `body` TEXT,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `ProductId` CHAR(36) BINARY NOT NULL,
  `CustomerId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Reviews_ProductId_fkey` FOREIGN KEY (`ProductId`) REFERENCES `Products` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `Reviews_CustomerId_fkey` FOREIGN KEY (`CustomerId`) REFERENCES `Customers` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Carts` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `expiresAt` DATETIME,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `CustomerId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Carts_CustomerId_fkey` FOREIGN KEY (`CustomerId`) REFERENCES `Customers` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Warehouses` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(255) NOT NULL,
  `capacity` INTEGER,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Shipments` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `trackingNumber` VARCHAR(40),
  `shippedAt` DATETIME,
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `OrderId` INTEGER,
  `WarehouseId` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Shipments_OrderId_fkey` FOREIGN KEY (`OrderId`) REFERENCES `Orders` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `Shipments_WarehouseId_fkey` FOREIGN KEY (`WarehouseId`) REFERENCES `Warehouses` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `Employees` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(255) NOT NULL,
  `role` ENUM('picker', 'driver', 'manager') NOT NULL,
  `created_at` DATETIME NOT NULL,
  `updated_at` DATETIME NOT NULL,
  `WarehouseId` INTEGER,
  `manager_id` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `Employees_WarehouseId_fkey` FOREIGN KEY (`WarehouseId`) REFERENCES `Warehouses` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT `Employees_manager_id_fkey` FOREIGN KEY (`manager_id`) REFERENCES `Employees` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `ProductCategories` (
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `ProductId` CHAR(36) BINARY NOT NULL,
  `CategoryId` INTEGER NOT NULL,
  PRIMARY KEY (`ProductId`, `CategoryId`),
  CONSTRAINT `ProductCategories_ProductId_fkey` FOREIGN KEY (`ProductId`) REFERENCES `Products` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `ProductCategories_CategoryId_fkey` FOREIGN KEY (`CategoryId`) REFERENCES `Categories` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `SupplierProducts` (
  `SupplierId` INTEGER NOT NULL,
  `ProductId` CHAR(36) BINARY NOT NULL,
  PRIMARY KEY (`SupplierId`, `ProductId`),
  CONSTRAINT `SupplierProducts_SupplierId_fkey` FOREIGN KEY (`SupplierId`) REFERENCES `Suppliers` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `SupplierProducts_ProductId_fkey` FOREIGN KEY (`ProductId`) REFERENCES `Products` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `CartItems` (
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `CartId` INTEGER NOT NULL,
  `ProductId` CHAR(36) BINARY NOT NULL,
  PRIMARY KEY (`CartId`, `ProductId`),
  CONSTRAINT `CartItems_CartId_fkey` FOREIGN KEY (`CartId`) REFERENCES `Carts` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `CartItems_ProductId_fkey` FOREIGN KEY (`ProductId`) REFERENCES `Products` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `CustomerReferrals` (
  `createdAt` DATETIME NOT NULL,
  `updatedAt` DATETIME NOT NULL,
  `referrerId` INTEGER NOT NULL,
  `referredId` INTEGER NOT NULL,
  PRIMARY KEY (`referrerId`, `referredId`),
  CONSTRAINT `CustomerReferrals_referrerId_fkey` FOREIGN KEY (`referrerId`) REFERENCES `Customers` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `CustomerReferrals_referredId_fkey` FOREIGN KEY (`referredId`) REFERENCES `Customers` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Someone who buys';

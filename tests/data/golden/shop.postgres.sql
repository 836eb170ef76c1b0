CREATE TABLE "Customers" (
  "id" SERIAL NOT NULL,
  "email" VARCHAR(320) NOT NULL,
  "full_name" VARCHAR(120) NOT NULL,
  "vip" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "deletedAt" TIMESTAMP WITH TIME ZONE,
  CONSTRAINT "Customers_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Customers_email_unique" UNIQUE ("email")
);
COMMENT ON TABLE "Customers" IS 'Someone who buys';

CREATE TABLE "Addresses" (
  "id" SERIAL NOT NULL,
  "street" VARCHAR(255) NOT NULL,
  "city" VARCHAR(100) NOT NULL,
  "zip" VARCHAR(16),
  "country" CHAR(2) NOT NULL DEFAULT 'DE',
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "CustomerId" INTEGER NOT NULL,
  CONSTRAINT "Addresses_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Addresses_CustomerId_fkey" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Products" (
  "id" UUID NOT NULL,
  "sku" VARCHAR(32) NOT NULL,
  "name" VARCHAR(255) NOT NULL,
  "price" DECIMAL(10,2) NOT NULL DEFAULT 0,
  "description" TEXT,
  "specs" JSON,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "Products_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Products_sku_unique" UNIQUE ("sku")
);
CREATE INDEX "products_name" ON "Products" ("name");

CREATE TABLE "Categories" (
  "id" SERIAL NOT NULL,
  "name" VARCHAR(80) NOT NULL,
  "slug" VARCHAR(80) NOT NULL,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "parentId" INTEGER,
  CONSTRAINT "Categories_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Categories_slug_unique" UNIQUE ("slug"),
  CONSTRAINT "Categories_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Categories" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "Suppliers" (
  "id" SERIAL NOT NULL,
  "name" VARCHAR(255) NOT NULL,
  "vatNumber" VARCHAR(20),
  "country" CHAR(2),
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "Suppliers_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Suppliers_supplier_tax_unique" UNIQUE ("vatNumber", "country")
);

CREATE TABLE "Coupons" (
  "code" VARCHAR(24) NOT NULL,
  "percentOff" SMALLINT NOT NULL,
  "validUntil" DATE,
  CONSTRAINT "Coupons_pkey" PRIMARY KEY ("code")
);

CREATE TYPE "enum_Orders_status" AS ENUM ('cart', 'placed', 'paid', 'shipped', 'cancelled');
CREATE TABLE "Orders" (
  "id" SERIAL NOT NULL,
  "status" "enum_Orders_status" NOT NULL DEFAULT 'placed',
  "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
  "placedAt" TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "CustomerId" INTEGER,
  "ShippingAddressId" INTEGER,
  "CouponCode" VARCHAR(24),
  CONSTRAINT "Orders_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Orders_CustomerId_fkey" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "Orders_ShippingAddressId_fkey" FOREIGN KEY ("ShippingAddressId") REFERENCES "Addresses" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "Orders_CouponCode_fkey" FOREIGN KEY ("CouponCode") REFERENCES "Coupons" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "OrderItems" (
  "id" BIGSERIAL NOT NULL,
  "quantity" INTEGER NOT NULL DEFAULT 1,
  "unitPrice" DECIMAL(10,2) NOT NULL,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "OrderId" INTEGER,
  "ProductId" UUID,
  CONSTRAINT "OrderItems_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "OrderItems_ProductId_OrderId_unique" UNIQUE ("OrderId", "ProductId"),
  CONSTRAINT "OrderItems_OrderId_fkey" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "OrderItems_ProductId_fkey" FOREIGN KEY ("ProductId") REFERENCES "Products" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE "OrderItems" IS 'A product on an order, with its quantity and the price paid';

CREATE TABLE "Reviews" (
  "id" SERIAL NOT NULL,
  "rating" SMALLINT NOT NULL,
  "body" TEXT,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "ProductId" UUID NOT NULL,
  "CustomerId" INTEGER,
  CONSTRAINT "Reviews_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Reviews_ProductId_fkey" FOREIGN KEY ("ProductId") REFERENCES "Products" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Reviews_CustomerId_fkey" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "Carts" (
  "id" SERIAL NOT NULL,
  "expiresAt" TIMESTAMP WITH TIME ZONE,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "CustomerId" INTEGER,
  CONSTRAINT "Carts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Carts_CustomerId_fkey" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "Warehouses" (
  "id" SERIAL NOT NULL,
  "name" VARCHAR(255) NOT NULL,
  "capacity" INTEGER,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "Warehouses_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Shipments" (
  "id" SERIAL NOT NULL,
  "trackingNumber" VARCHAR(40),
  "shippedAt" TIMESTAMP WITH TIME ZONE,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "OrderId" INTEGER,
  "WarehouseId" INTEGER,
  CONSTRAINT "Shipments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Shipments_OrderId_fkey" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "Shipments_WarehouseId_fkey" FOREIGN KEY ("WarehouseId") REFERENCES "Warehouses" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TYPE "enum_Employees_role" AS ENUM ('picker', 'driver', 'manager');
CREATE TABLE "Employees" (
  "id" SERIAL NOT NULL,
  "name" VARCHAR(255) NOT NULL,
  "role" "enum_Employees_role" NOT NULL,
  "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
  "WarehouseId" INTEGER,
  "manager_id" INTEGER,
  CONSTRAINT "Employees_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Employees_WarehouseId_fkey" FOREIGN KEY ("WarehouseId") REFERENCES "Warehouses" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "Employees_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "Employees" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "ProductCategories" (
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "ProductId" UUID NOT NULL,
  "CategoryId" INTEGER NOT NULL,
  CONSTRAINT "ProductCategories_pkey" PRIMARY KEY ("ProductId", "CategoryId"),
  CONSTRAINT "ProductCategories_ProductId_fkey" FOREIGN KEY ("ProductId") REFERENCES "Products" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ProductCategories_CategoryId_fkey" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "SupplierProducts" (
  "SupplierId" INTEGER NOT NULL,
  "ProductId" UUID NOT NULL,
  CONSTRAINT "SupplierProducts_pkey" PRIMARY KEY ("SupplierId", "ProductId"),
  CONSTRAINT "SupplierProducts_SupplierId_fkey" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "SupplierProducts_ProductId_fkey" FOREIGN KEY ("ProductId") REFERENCES "Products" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "CartItems" (
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "CartId" INTEGER NOT NULL,
  "ProductId" UUID NOT NULL,
  CONSTRAINT "CartItems_pkey" PRIMARY KEY ("CartId", "ProductId"),
  CONSTRAINT "CartItems_CartId_fkey" FOREIGN KEY ("CartId") REFERENCES "Carts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "CartItems_ProductId_fkey" FOREIGN KEY ("ProductId") REFERENCES "Products" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "CustomerReferrals" (
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "referrerId" INTEGER NOT NULL,
  "referredId" INTEGER NOT NULL,
  CONSTRAINT "CustomerReferrals_pkey" PRIMARY KEY ("referrerId", "referredId"),
  CONSTRAINT "CustomerReferrals_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "CustomerReferrals_referredId_fkey" FOREIGN KEY ("referredId") REFERENCES "Customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE "CustomerReferrals" IS 'Someone who buys';

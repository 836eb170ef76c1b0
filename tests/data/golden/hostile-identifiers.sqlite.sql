CREATE TABLE "用户" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "名字" VARCHAR(50) NOT NULL,
  "Ärger ☃" DATE,
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "select" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "order" VARCHAR(20),
  "group" DECIMAL(8,3),
  "ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc" SMALLINT,
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  CONSTRAINT "select_order_unique" UNIQUE ("order")
);

CREATE TABLE "we""ird table" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "it's" VARCHAR(255) DEFAULT '''quoted'' "double"; -- not a comment \ backslash',
  "back`tick" INTEGER NOT NULL DEFAULT 0,
  "semi;colon" TEXT DEFAULT 'c;d' CHECK ("semi;colon" IN ('a''b', 'c;d', 'e"f')),
  "dash--dash" TINYINT(1) DEFAULT 1,
  "new
line" TEXT,
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "用户Id" INTEGER,
  "fk""to;select" INTEGER,
  CONSTRAINT "we""ird table_用户Id_fkey" FOREIGN KEY ("用户Id") REFERENCES "用户" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "we""ird table_fk""to;select_fkey" FOREIGN KEY ("fk""to;select") REFERENCES "select" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "v" UUID,
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "ParentId" INTEGER,
  CONSTRAINT "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt_ParentId_fkey" FOREIGN KEY ("ParentId") REFERENCES "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "join`me""now" (
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "SelectId" INTEGER NOT NULL,
  "LongId" INTEGER NOT NULL,
  CONSTRAINT "join`me""now_pkey" PRIMARY KEY ("SelectId", "LongId"),
  CONSTRAINT "join`me""now_SelectId_fkey" FOREIGN KEY ("SelectId") REFERENCES "select" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "join`me""now_LongId_fkey" FOREIGN KEY ("LongId") REFERENCES "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

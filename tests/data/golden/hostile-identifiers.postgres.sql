CREATE TABLE "用户" (
  "id" SERIAL NOT NULL,
  "名字" VARCHAR(50) NOT NULL,
  "Ärger ☃" DATE,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "用户_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "select" (
  "id" SERIAL NOT NULL,
  "order" VARCHAR(20),
  "group" DECIMAL(8,3),
  "ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc" SMALLINT,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "select_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "select_order_unique" UNIQUE ("order")
);
COMMENT ON TABLE "select" IS 'a reserved word';

CREATE TYPE "enum_we""ird table_semi;colon" AS ENUM ('a''b', 'c;d', 'e"f');
CREATE TABLE "we""ird table" (
  "id" SERIAL NOT NULL,
  "it's" VARCHAR(255) DEFAULT '''quoted'' "double"; -- not a comment \ backslash',
  "back`tick" INTEGER NOT NULL DEFAULT 0,
  "semi;colon" "enum_we""ird table_semi;colon" DEFAULT 'c;d',
  "dash--dash" BOOLEAN DEFAULT true,
  "new
line" TEXT,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "用户Id" INTEGER,
  "fk""to;select" INTEGER,
  CONSTRAINT "we""ird table_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "we""ird table_用户Id_fkey" FOREIGN KEY ("用户Id") REFERENCES "用户" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "we""ird table_fk""to;select_fkey" FOREIGN KEY ("fk""to;select") REFERENCES "select" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
COMMENT ON COLUMN "we""ird table"."it's" IS 'it''s a comment; with \ and "quotes"';

CREATE TABLE "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" (
  "id" SERIAL NOT NULL,
  "v" UUID,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "ParentId" INTEGER,
  CONSTRAINT "tttttttttttttttttttttttttttttttttttttttttttttttttttttt_d6c2fe29" PRIMARY KEY ("id"),
  CONSTRAINT "tttttttttttttttttttttttttttttttttttttttttttttttttttttt_eb95db6a" FOREIGN KEY ("ParentId") REFERENCES "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "join`me""now" (
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "SelectId" INTEGER NOT NULL,
  "LongId" INTEGER NOT NULL,
  CONSTRAINT "join`me""now_pkey" PRIMARY KEY ("SelectId", "LongId"),
  CONSTRAINT "join`me""now_SelectId_fkey" FOREIGN KEY ("SelectId") REFERENCES "select" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "join`me""now_LongId_fkey" FOREIGN KEY ("LongId") REFERENCES "ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE "join`me""now" IS 'a reserved word';

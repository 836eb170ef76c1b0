CREATE TABLE "Users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "name" VARCHAR(255) NOT NULL,
  "email" VARCHAR(320) NOT NULL,
  "role" TEXT NOT NULL DEFAULT 'reader' CHECK ("role" IN ('reader', 'editor', 'admin')),
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "ProfilePictureId" INTEGER,
  CONSTRAINT "Users_email_unique" UNIQUE ("email")
);

CREATE TABLE "Pictures" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "url" VARCHAR(2048) NOT NULL,
  "format" VARCHAR(16),
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "uid" INTEGER NOT NULL,
  CONSTRAINT "Pictures_uid_fkey" FOREIGN KEY ("uid") REFERENCES "Users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Posts" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "title" VARCHAR(255) NOT NULL,
  "body" TEXT,
  "published" TINYINT(1) NOT NULL DEFAULT 0,
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "UserId" INTEGER,
  CONSTRAINT "Posts_UserId_fkey" FOREIGN KEY ("UserId") REFERENCES "Users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "posts_title" ON "Posts" ("title");

CREATE TABLE "Tags" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "label" VARCHAR(64) NOT NULL,
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  CONSTRAINT "Tags_label_unique" UNIQUE ("label")
);

CREATE TABLE "PostTags" (
  "createdAt" DATETIME NOT NULL,
  "updatedAt" DATETIME NOT NULL,
  "PostId" INTEGER NOT NULL,
  "TagId" INTEGER NOT NULL,
  CONSTRAINT "PostTags_pkey" PRIMARY KEY ("PostId", "TagId"),
  CONSTRAINT "PostTags_PostId_fkey" FOREIGN KEY ("PostId") REFERENCES "Posts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PostTags_TagId_fkey" FOREIGN KEY ("TagId") REFERENCES "Tags" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

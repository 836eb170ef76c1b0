CREATE TYPE "enum_Users_role" AS ENUM ('reader', 'editor', 'admin');
CREATE TABLE "Users" (
  "id" SERIAL NOT NULL,
  "name" VARCHAR(255) NOT NULL,
  "email" VARCHAR(320) NOT NULL,
  "role" "enum_Users_role" NOT NULL DEFAULT 'reader',
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "ProfilePictureId" INTEGER,
  CONSTRAINT "Users_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Users_email_unique" UNIQUE ("email")
);
COMMENT ON TABLE "Users" IS 'People who sign in and upload pictures';

CREATE TABLE "Pictures" (
  "id" SERIAL NOT NULL,
  "url" VARCHAR(2048) NOT NULL,
  "format" VARCHAR(16),
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "uid" INTEGER NOT NULL,
  CONSTRAINT "Pictures_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Pictures_uid_fkey" FOREIGN KEY ("uid") REFERENCES "Users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON COLUMN "Pictures"."format" IS 'jpg, png, webp';

CREATE TABLE "Posts" (
  "id" SERIAL NOT NULL,
  "title" VARCHAR(255) NOT NULL,
  "body" TEXT,
  "published" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "UserId" INTEGER,
  CONSTRAINT "Posts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Posts_UserId_fkey" FOREIGN KEY ("UserId") REFERENCES "Users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "posts_title" ON "Posts" ("title");

CREATE TABLE "Tags" (
  "id" SERIAL NOT NULL,
  "label" VARCHAR(64) NOT NULL,
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "Tags_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Tags_label_unique" UNIQUE ("label")
);

CREATE TABLE "PostTags" (
  "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
  "PostId" INTEGER NOT NULL,
  "TagId" INTEGER NOT NULL,
  CONSTRAINT "PostTags_pkey" PRIMARY KEY ("PostId", "TagId"),
  CONSTRAINT "PostTags_PostId_fkey" FOREIGN KEY ("PostId") REFERENCES "Posts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PostTags_TagId_fkey" FOREIGN KEY ("TagId") REFERENCES "Tags" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

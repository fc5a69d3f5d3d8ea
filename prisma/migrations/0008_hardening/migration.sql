-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "openKey" TEXT,
    "plan" TEXT NOT NULL,
    "responses" TEXT NOT NULL DEFAULT '{}',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "score" REAL,
    "maxScore" REAL,
    "percent" REAL,
    "passed" BOOLEAN,
    "needsGrading" BOOLEAN NOT NULL DEFAULT false,
    "grades" TEXT,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Existing attempts are numbered in the order they started; the latest open one of each user and
-- module holds the open key (older duplicate open attempts, from before the key, stay open without it).
INSERT INTO "new_QuizAttempt" ("grades", "id", "maxScore", "moduleSlug", "needsGrading", "passed", "percent", "plan", "responses", "score", "startedAt", "submittedAt", "userId", "number", "openKey") SELECT "grades", "id", "maxScore", "moduleSlug", "needsGrading", "passed", "percent", "plan", "responses", "score", "startedAt", "submittedAt", "userId", (SELECT COUNT(*) FROM "QuizAttempt" AS "earlier" WHERE "earlier"."userId" = "QuizAttempt"."userId" AND "earlier"."moduleSlug" = "QuizAttempt"."moduleSlug" AND ("earlier"."startedAt" < "QuizAttempt"."startedAt" OR ("earlier"."startedAt" = "QuizAttempt"."startedAt" AND "earlier"."id" <= "QuizAttempt"."id"))), CASE WHEN "submittedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "QuizAttempt" AS "later" WHERE "later"."userId" = "QuizAttempt"."userId" AND "later"."moduleSlug" = "QuizAttempt"."moduleSlug" AND "later"."submittedAt" IS NULL AND ("later"."startedAt" > "QuizAttempt"."startedAt" OR ("later"."startedAt" = "QuizAttempt"."startedAt" AND "later"."id" > "QuizAttempt"."id"))) THEN "userId" || ':' || "moduleSlug" END FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE UNIQUE INDEX "QuizAttempt_openKey_key" ON "QuizAttempt"("openKey");
CREATE INDEX "QuizAttempt_userId_submittedAt_idx" ON "QuizAttempt"("userId", "submittedAt");
CREATE INDEX "QuizAttempt_moduleSlug_submittedAt_idx" ON "QuizAttempt"("moduleSlug", "submittedAt");
CREATE UNIQUE INDEX "QuizAttempt_userId_moduleSlug_number_key" ON "QuizAttempt"("userId", "moduleSlug", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


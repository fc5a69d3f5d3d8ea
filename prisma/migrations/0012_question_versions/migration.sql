-- CreateTable
CREATE TABLE "QuestionVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "moduleSlug" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionVersion_moduleSlug_questionId_hash_key" ON "QuestionVersion"("moduleSlug", "questionId", "hash");


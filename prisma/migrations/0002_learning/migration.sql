-- CreateTable
CREATE TABLE "SectionRead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "readAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SectionRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
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

-- CreateIndex
CREATE INDEX "SectionRead_moduleSlug_idx" ON "SectionRead"("moduleSlug");

-- CreateIndex
CREATE UNIQUE INDEX "SectionRead_userId_moduleSlug_sectionId_key" ON "SectionRead"("userId", "moduleSlug", "sectionId");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_moduleSlug_idx" ON "QuizAttempt"("userId", "moduleSlug");

-- CreateIndex
CREATE INDEX "QuizAttempt_moduleSlug_submittedAt_idx" ON "QuizAttempt"("moduleSlug", "submittedAt");


-- CreateTable
CREATE TABLE "SandboxWorkspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "exerciseId" TEXT,
    "seed" INTEGER,
    "refArea" TEXT NOT NULL,
    "indicators" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SandboxWorkspace_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "addedById" TEXT,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SandboxPeriod_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "SandboxWorkspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxPeriod_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "indicator" TEXT,
    "period" TEXT,
    "fileName" TEXT,
    "fileBytes" INTEGER,
    "format" TEXT,
    "encoding" TEXT,
    "restoredFrom" INTEGER,
    "observations" TEXT NOT NULL,
    "observationCount" INTEGER NOT NULL,
    "findings" TEXT NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "warningCount" INTEGER NOT NULL,
    CONSTRAINT "SandboxRevision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "SandboxWorkspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "revisionId" TEXT NOT NULL,
    "submitterId" TEXT NOT NULL,
    "cohortId" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "warningNotes" TEXT NOT NULL DEFAULT '{}',
    "score" REAL,
    "maxScore" REAL,
    "scoring" TEXT,
    CONSTRAINT "SandboxSubmission_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "SandboxWorkspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxSubmission_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "SandboxRevision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxSubmission_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "outcome" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SandboxReview_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "SandboxSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SandboxComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "revisionId" TEXT NOT NULL,
    "submissionId" TEXT,
    "authorId" TEXT,
    "cellKey" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SandboxComment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "SandboxRevision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxComment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "SandboxSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SandboxComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SandboxWorkspace_ownerId_createdAt_idx" ON "SandboxWorkspace"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxWorkspace_ownerId_kind_exerciseId_key" ON "SandboxWorkspace"("ownerId", "kind", "exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPeriod_workspaceId_period_key" ON "SandboxPeriod"("workspaceId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxRevision_workspaceId_number_key" ON "SandboxRevision"("workspaceId", "number");

-- CreateIndex
CREATE INDEX "SandboxSubmission_cohortId_submittedAt_idx" ON "SandboxSubmission"("cohortId", "submittedAt");

-- CreateIndex
CREATE INDEX "SandboxSubmission_submitterId_submittedAt_idx" ON "SandboxSubmission"("submitterId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxSubmission_workspaceId_number_key" ON "SandboxSubmission"("workspaceId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxReview_submissionId_key" ON "SandboxReview"("submissionId");

-- CreateIndex
CREATE INDEX "SandboxComment_revisionId_createdAt_idx" ON "SandboxComment"("revisionId", "createdAt");

-- CreateIndex
CREATE INDEX "SandboxComment_submissionId_createdAt_idx" ON "SandboxComment"("submissionId", "createdAt");


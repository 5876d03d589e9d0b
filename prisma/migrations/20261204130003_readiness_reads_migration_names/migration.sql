-- The readiness check (GET /api/ready, SPEC §18) compares the applied migrations with those the build carries. The app
-- may read which migrations finished, and nothing else of the migration history (no checksums, no logs, no writes).
GRANT SELECT ("migration_name", "finished_at", "rolled_back_at") ON "_prisma_migrations" TO appeals_runtime;

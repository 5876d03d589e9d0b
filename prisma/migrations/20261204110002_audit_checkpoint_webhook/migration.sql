-- Signed audit checkpoints are also sent to the provinces' webhooks through the outbox (SPEC §8): a copy outside the
-- database held by every province, so a database restore cannot roll the checkpoints back.
ALTER TYPE "OutboxKind" ADD VALUE 'AUDIT_CHECKPOINT';

"""Durable local state: the journal of the open packing session, the outbox, history."""

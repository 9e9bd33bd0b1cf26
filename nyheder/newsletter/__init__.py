"""The newsletter: subscribers, editions, rendering and crash-safe sending."""

"""The runtime and its threads: every worker, the API client's life, and the station port,
the bench's one door to its durable state and the network."""

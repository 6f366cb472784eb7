"""Pages of the partnerships room, by part: dashboard, commitments (and partners), boards."""

"""Pages of the policy room, one module per part."""

"""Labour exchange pages, one module per part of the room."""

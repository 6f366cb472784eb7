"""Pure computations of the labour room: plain data in, plain data out; no Django."""

"""Pages of the impact room, by part: projects (lists, facts, history, evidence) and workflow (stages, statement)."""

"""Everything Qt. Screens call services inside one transaction per user action."""

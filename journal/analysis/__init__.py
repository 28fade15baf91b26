"""Pure functions over daily arrays: series, rolling means, insights (numpy; scipy lazily)."""

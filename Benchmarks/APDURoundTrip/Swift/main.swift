import SmartCard

// Placeholder, replaced below.

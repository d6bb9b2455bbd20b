# Metric checks: messages and suggested fixes.

// Every test process: a fixed personal-data key (never a production key) and quiet logs.
process.env.PL_DATA_KEY ??= 'dGVzdC1vbmx5LWtleS1wYXNhci1sb2thbC0zMmJ5dGU=';
process.env.LOG_LEVEL ??= 'silent';

// The clusters share two cores and the reminder diagnostics are process-wide: run one collection at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

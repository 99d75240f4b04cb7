// Each fixture co-hosts a silo and a web server; one collection at a time keeps two cores responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

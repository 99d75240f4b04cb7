using BenchmarkDotNet.Running;

// The performance goals (docs/benchmarks.md) that the engine alone can measure. Run:
//   dotnet run -c Release --project tests/SlaGrains.Benchmarks -- --filter '*' --job short
// and record the table in docs/benchmarks.md with that command.
Console.WriteLine("Command: dotnet run -c Release --project tests/SlaGrains.Benchmarks -- " + string.Join(' ', args));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

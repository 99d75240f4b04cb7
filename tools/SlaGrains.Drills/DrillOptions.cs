using System.Globalization;

namespace SlaGrains.Drills;

public sealed record DrillOptions(string Drill, Uri Frontend, string Key, int Cases, int Silo, TimeSpan Recovery, int SmtpPort)
{
    public static DrillOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new DrillOptions(
            args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "",
            new Uri(Value("--frontend", "http://127.0.0.1:5080")),
            Value("--key", "dev-admin-key"),
            int.Parse(Value("--cases", "120"), CultureInfo.InvariantCulture),
            int.Parse(Value("--silo", "1"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Value("--recovery-seconds", "90"), CultureInfo.InvariantCulture)),
            int.Parse(Value("--smtp-port", "2526"), CultureInfo.InvariantCulture));
    }
}

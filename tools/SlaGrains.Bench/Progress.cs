namespace SlaGrains.Bench;

/// <summary>
/// The one-line progress display: redrawn in place on a terminal, silent when the output goes to a file or a pipe,
/// where every redraw would pile up on one long line around the results.
/// </summary>
public static class Progress
{
    private static readonly bool Interactive = !Console.IsOutputRedirected;

    /// <summary>Names a phase as it begins; on a file or pipe this is the only trace of progress.</summary>
    public static void Begin(string phase)
    {
        if (!Interactive)
        {
            Console.WriteLine($"  {phase} ...");
        }
    }

    public static void Show(string text)
    {
        if (Interactive)
        {
            Console.Write($"\r  {text} ");
        }
    }

    public static void Clear()
    {
        if (Interactive)
        {
            Console.Write("\r" + new string(' ', 100) + "\r");
        }
    }
}

namespace SlaGrains.ClientGen;

/// <summary>The tool's entry point (a named class: top-level statements would clash with the host's Program).</summary>
public static class GenerateClient
{
    /// <summary>Run from the repository's root (scripts/generate-client.sh does): files are written where ClientCode names them.</summary>
    public static async Task<int> Main()
    {
        var document = await HostDocument.ReadAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(ClientCode.DocumentFile)!);
        Directory.CreateDirectory(Path.GetDirectoryName(ClientCode.ClientFile)!);
        await File.WriteAllTextAsync(ClientCode.DocumentFile, ClientCode.Normalize(document));
        await File.WriteAllTextAsync(ClientCode.ClientFile, await ClientCode.GenerateAsync(document));
        Console.WriteLine($"Wrote {ClientCode.DocumentFile} and {ClientCode.ClientFile}.");
        return 0;
    }
}

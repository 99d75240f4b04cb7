namespace SlaGrains.Host.Hosting;

/// <summary>
/// Makes <c>dotnet run</c> start in Development without overriding an environment chosen explicitly. A launch profile's
/// environment variables replace the shell's, so the profile sets none; <c>dotnet run</c> names the profile it used in
/// <c>DOTNET_LAUNCH_PROFILE</c>, and only then, with no environment set, Development is the default.
/// </summary>
public static class LaunchEnvironment
{
    public const string ProfileVariable = "DOTNET_LAUNCH_PROFILE";

    private static readonly string[] EnvironmentVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    /// <summary>The environment to start in when nothing else chose one, or null for ASP.NET Core's own default.</summary>
    public static string? Default(string[] args, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var chosen = EnvironmentVariables.Any(v => !string.IsNullOrEmpty(variable(v)))
            || !string.IsNullOrEmpty(new ConfigurationBuilder().AddCommandLine(args).Build()[HostDefaults.EnvironmentKey]);
        return !chosen && !string.IsNullOrEmpty(variable(ProfileVariable)) ? Environments.Development : null;
    }
}

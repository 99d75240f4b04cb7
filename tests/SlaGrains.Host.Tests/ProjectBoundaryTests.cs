using System.Reflection;
using SlaGrains.Grains.Live;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Tests;

/// <summary>
/// docs/architecture.md's project rules, read off the compiled Host: it hosts (API, hub, storage wiring) and reaches
/// grains one way; grains and what they call live in Grains, so no call goes Grains → Host → Grains.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private const BindingFlags Everything = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Type[] HostTypes = typeof(Program).Assembly.GetTypes();

    [Fact]
    public void The_host_declares_no_grain_and_no_grain_interface()
    {
        // Observers (the hub's relay) are the host's objects that grains call back: those stay.
        var grainTypes = HostTypes
            .Where(t => (typeof(Grain).IsAssignableFrom(t) || typeof(IGrain).IsAssignableFrom(t)) && !IsOrleansGenerated(t))
            .Select(t => t.FullName);

        Assert.Empty(grainTypes);
    }

    [Fact]
    public void The_host_implements_no_interface_the_grains_declare()
    {
        var grainsAssembly = typeof(ISlaPublisher).Assembly;
        var implementers = HostTypes
            .Where(t => !IsOrleansGenerated(t))
            .SelectMany(t => t.GetInterfaces().Where(i => i.Assembly == grainsAssembly).Select(i => $"{t.FullName} : {i.Name}"));

        Assert.Empty(implementers);
    }

    [Fact]
    public void The_host_reaches_grains_only_through_grain_references()
    {
        // Endpoint lambdas compile to methods of generated classes in the same assembly, so their parameters show too.
        Type[] factories = [typeof(IGrainFactory), typeof(IClusterClient)];
        var users = HostTypes
            .Where(t => t != typeof(GrainReferences) && !IsOrleansGenerated(t))
            .SelectMany(t => t.GetMembers(Everything).Select(m => (Type: t, Member: m)))
            .Where(x => x.Member switch
            {
                MethodBase method => method.GetParameters().Any(p => factories.Contains(p.ParameterType)),
                FieldInfo field => factories.Contains(field.FieldType),
                _ => false,
            })
            .Select(x => $"{x.Type.FullName}.{x.Member.Name}");

        Assert.Empty(users);
    }

    // Orleans' code generator emits proxies, codecs and invokers into every assembly that references a grain interface.
    private static bool IsOrleansGenerated(Type type) =>
        type.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true;
}

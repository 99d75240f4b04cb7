using System.Net;
using Microsoft.Extensions.Options;
using SlaGrains.Grains.Webhooks;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The outbound URL policy and the connect-time check, without a network: addresses are parsed, names come from a
/// stub resolver, and the connector's socket opener is replaced by one that only records what it was given.
/// </summary>
public sealed class WebhookUrlPolicyTests
{
    private static OutboundUrlPolicy Policy(params string[] allowed)
    {
        var options = new WebhookOptions();
        foreach (var entry in allowed)
        {
            options.AllowedHosts.Add(entry);
        }
        return new OutboundUrlPolicy(Options.Create(options));
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://LocalHost./hook")]
    [InlineData("http://a.b.localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://0x7f000001/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://0177.0.0.1/hook")]
    [InlineData("http://127.1/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[::127.0.0.1]/hook")]
    [InlineData("http://[0:0:0:0:0:0:0:1]/hook")]
    [InlineData("http://127.0.0.1:5432/")]
    public void Loopback_in_any_spelling_is_refused(string url) =>
        Assert.Contains("AllowedHosts", Policy().Refusal(url), StringComparison.Ordinal);

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::10.0.0.1")]
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    public void Internal_addresses_are_not_public(string address) => Assert.False(OutboundUrlPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("100.128.0.1")] // just past CGNAT
    [InlineData("172.32.0.1")] // just past RFC 1918's 172.16/12
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_public(string address) => Assert.True(OutboundUrlPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://receiver.example.com/sla")]
    [InlineData("http://93.184.215.14:8080/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    public void Public_urls_and_names_pass_registration(string url) => Assert.Null(Policy().Refusal(url));

    [Theory]
    [InlineData("ftp://example.org/")]
    [InlineData("/relative")]
    [InlineData("https://user:password@example.org/hook")]
    [InlineData("https://user@example.org/hook")]
    public void Other_schemes_relative_urls_and_user_info_are_refused(string url) => Assert.NotNull(Policy().Refusal(url));

    [Fact]
    public void The_allow_list_opens_a_host_on_any_port_or_on_the_one_it_names()
    {
        var policy = Policy("127.0.0.1", "[::1]:8443", "Receiver.Internal:9000", "10.0.0.5");
        Assert.Null(policy.Refusal("http://127.0.0.1:5001/hook"));
        Assert.Null(policy.Refusal("http://0x7f000001:5001/hook")); // the same address
        Assert.Null(policy.Refusal("https://[::1]:8443/hook"));
        Assert.NotNull(policy.Refusal("https://[::1]:8444/hook"));
        Assert.NotNull(policy.Refusal("http://127.0.0.2/hook"));
        Assert.NotNull(policy.Refusal("http://localhost:5001/hook")); // a name is not its address
        Assert.True(policy.IsAllowListed("receiver.internal", 9000));
        Assert.False(policy.IsAllowListed("receiver.internal", 9001));
        Assert.Null(policy.Refusal("http://10.0.0.5/hook"));
        Assert.NotNull(policy.Refusal("http://user:pw@127.0.0.1/hook")); // user info never
    }

    [Fact]
    public void A_malformed_allow_list_entry_stops_the_host()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Policy("host:port"));
        Assert.Contains("AllowedHosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_resolving_to_a_private_address_is_refused_before_any_socket_is_opened()
    {
        var resolver = new WebhookStubResolver(new Dictionary<string, IPAddress[]> { ["internal.test"] = [IPAddress.Parse("10.0.0.1")] });
        var opened = new List<IPAddress[]>();
        var connector = Connector(Policy(), resolver, opened);

        await Assert.ThrowsAsync<OutboundUrlRefusedException>(() => connector.Connect(new DnsEndPoint("internal.test", 443), CancellationToken.None).AsTask());
        Assert.Equal(["internal.test"], resolver.Asked);
        Assert.Empty(opened);
    }

    [Fact]
    public async Task Only_the_allowed_addresses_of_a_name_are_connected_to()
    {
        // DNS rebinding: the name answers with a public and an internal address; only the public one may be used.
        var resolver = new WebhookStubResolver(new Dictionary<string, IPAddress[]>
        {
            ["rebind.test"] = [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("93.184.215.14"), IPAddress.Parse("::1")],
        });
        var opened = new List<IPAddress[]>();
        await using var stream = await Connector(Policy(), resolver, opened).Connect(new DnsEndPoint("rebind.test", 443), CancellationToken.None);

        Assert.Equal([IPAddress.Parse("93.184.215.14")], Assert.Single(opened));
    }

    [Fact]
    public async Task Address_literals_are_checked_without_resolving_and_allow_listed_hosts_connect_as_resolved()
    {
        var resolver = new WebhookStubResolver(new Dictionary<string, IPAddress[]> { ["receiver.test"] = [IPAddress.Loopback] });
        var opened = new List<IPAddress[]>();
        var connector = Connector(Policy("receiver.test:8080"), resolver, opened);

        await Assert.ThrowsAsync<OutboundUrlRefusedException>(() => connector.Connect(new DnsEndPoint("127.0.0.1", 8080), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<OutboundUrlRefusedException>(() => connector.Connect(new DnsEndPoint("receiver.test", 8081), CancellationToken.None).AsTask());
        Assert.Empty(opened);
        await using var stream = await connector.Connect(new DnsEndPoint("receiver.test", 8080), CancellationToken.None);

        Assert.Equal([IPAddress.Loopback], Assert.Single(opened));
        Assert.Equal(["receiver.test", "receiver.test"], resolver.Asked);
    }

    private static WebhookConnector Connector(OutboundUrlPolicy policy, IHostResolver resolver, List<IPAddress[]> opened) => new(policy, resolver)
    {
        Open = (addresses, _, _) =>
        {
            opened.Add(addresses);
            return ValueTask.FromResult<Stream>(new MemoryStream());
        },
    };
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SlaGrains.Host.Security;

namespace SlaGrains.Host.Tests;

/// <summary>
/// The real host with single sign-on on, trusting a signing key of the test's own instead of an authority's published
/// keys: the authority is never contacted (its discovery document is given), and tokens are minted here.
/// </summary>
public sealed class OidcHost : SlaHost
{
    // On loopback, with nothing listening: even a fetch the test did not prevent would leave no machine.
    public const string Issuer = "https://127.0.0.1:1/tenant";
    public const string Audience = "slagrains-api";

    private readonly RsaSecurityKey _signing = new(RSA.Create(2048)) { KeyId = "test-key" };

    public OidcHost() : base(new Dictionary<string, string?>
    {
        ["Sla:Oidc:Authority"] = Issuer,
        ["Sla:Oidc:Audience"] = Audience,
    })
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(OidcSetup.SchemeName, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(_signing);
            o.Configuration = configuration;
            // The handler's own post-configuration has already made a manager that would fetch the discovery document.
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));
    }

    /// <summary>A token for <paramref name="userId"/> with these claims, signed by the trusted key unless <paramref name="signedBy"/> says otherwise.</summary>
    public string Token(string userId, IDictionary<string, object> claims, DateTime? expires = null, SecurityKey? signedBy = null)
    {
        var all = new Dictionary<string, object>(claims) { ["sub"] = userId };
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = all,
            NotBefore = until.AddHours(-2),
            Expires = until,
            IssuedAt = until.AddHours(-2),
            SigningCredentials = new SigningCredentials(signedBy ?? _signing, SecurityAlgorithms.RsaSha256),
        });
    }

    public HttpClient Bearer(string token)
    {
        var client = Client(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signing.Rsa.Dispose();
        }
        base.Dispose(disposing);
    }
}

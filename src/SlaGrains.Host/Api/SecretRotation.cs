namespace SlaGrains.Host.Api;

/// <summary>The body of <c>POST /api/v1/webhooks/{id}/rotate-secret</c>: the new secret, and how long the old one still signs.</summary>
public sealed record SecretRotation(string? Secret, long? OverlapSeconds);

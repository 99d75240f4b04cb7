#!/usr/bin/env bash
# Regenerates the OpenAPI document (clients/openapi/v1.json) and the C# client generated from it
# (clients/csharp/SlaGrains.Client/SlaGrainsClient.g.cs) from the host as it is built now. The host runs in memory for
# this (tools/SlaGrains.ClientGen), so nothing listens on a port. Commit both files after an API change:
# tests/SlaGrains.Host.Tests/OpenApiDocumentTests.cs fails while they differ from what the host serves.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build tools/SlaGrains.ClientGen -c Release -p:SkipDashboard=true "$@"
dotnet tools/SlaGrains.ClientGen/bin/Release/net10.0/SlaGrains.ClientGen.dll
# The client must still compile against what was just generated.
dotnet build clients/csharp/SlaGrains.Client -c Release

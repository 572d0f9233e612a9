// Flex Consumption (FC1) function app, .NET 10 isolated, running as a user-assigned managed identity.
// No connection string, key or secret appears in any setting: storage and telemetry use the identity.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param tableEndpoint string
param queueEndpoint string
@description('The webhook delivery queue the app writes and its queue trigger reads (%WEBHOOKS_QUEUE%).')
param webhookQueueName string
param deploymentContainerName string
param openDataContainerName string
param appInsightsName string
param corsAllowedOrigins array
param websiteOrigin string
param contactEmail string
param snapshotSchedule string
param apiClientId string
param beheerClientId string
param pipelineClientIds string
@description('The Front Door profile\'s id: only requests forwarded by it (service tag plus X-Azure-FDID) reach the app.')
param frontDoorId string
@description('The Front Door endpoint\'s resource id: the app purges it after every commit.')
param edgeEndpointId string
@description('The public host name (the Front Door endpoint): the server in the OpenAPI document and the catalogue.')
param publicHostName string

// The origins that may read the API from a browser: the published status page (on the blob endpoint's origin), the
// website's own domain when given, and any extra. One list for the platform's CORS (siteConfig.cors, which on Flex
// Consumption answers preflights before the app runs) and for the app's own headers, so the two always agree.
// The endpoint ends in '/', an origin never does.
var blobOrigin = join(take(split(blobEndpoint, '/'), 3), '/')
var corsOrigins = union([blobOrigin], empty(websiteOrigin) ? [] : [websiteOrigin], corsAllowedOrigins)
var publicUrl = 'https://${publicHostName}'

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The origin lock: only Front Door's back end, and only this profile's (its id in X-Azure-FDID). Deployments go
      // to the scm site, which keeps its own (open) rules.
      ipSecurityRestrictionsDefaultAction: 'Deny'
      ipSecurityRestrictions: [
        {
          name: 'FrontDoor'
          action: 'Allow'
          priority: 100
          tag: 'ServiceTag'
          ipAddress: 'AzureFrontDoor.Backend'
          headers: { 'x-azure-fdid': [frontDoorId] }
        }
      ]
      scmIpSecurityRestrictionsUseMain: false
      cors: {
        allowedOrigins: corsOrigins
        supportCredentials: false
      }
      appSettings: [
        // The Functions host's own storage, identity-based (no AzureWebJobsStorage connection string).
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The app's data (StorageOptions): service URIs plus the identity, never a key.
        { name: 'Storage__TableServiceUri', value: tableEndpoint }
        { name: 'Storage__BlobServiceUri', value: blobEndpoint }
        { name: 'Storage__QueueServiceUri', value: queueEndpoint }
        // Webhook deliveries: the queue (the trigger reads the same account through AzureWebJobsStorage), https callbacks only.
        { name: 'WEBHOOKS_QUEUE', value: webhookQueueName }
        { name: 'Webhooks__LoopbackToegestaan', value: 'false' }
        { name: 'Storage__ClientId', value: identityClientId }
        // Telemetry with Entra ID: the connection string only addresses the resource; ingestion needs the token.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        { name: 'SNAPSHOT_SCHEDULE', value: snapshotSchedule }
        // Who may write: tokens of Entra ID (this tenant's v2.0 issuer) for the API's app registration; the app checks them.
        { name: 'Identiteit__TenantId', value: tenant().tenantId }
        { name: 'Identiteit__Audience', value: apiClientId }
        // Only access tokens of the own clients (azp): the beheer page's registration, which the reference page signs
        // in with too, and the named pipelines.
        { name: 'Identiteit__BrowserClientId', value: beheerClientId }
        { name: 'Identiteit__Clients', value: empty(pipelineClientIds) ? beheerClientId : '${beheerClientId},${pipelineClientIds}' }
        // Pinned: Development is the one setting that lets a non-Entra issuer in (and the worker refuses it in Azure anyway).
        { name: 'AZURE_FUNCTIONS_ENVIRONMENT', value: 'Production' }
        { name: 'DOTNET_ENVIRONMENT', value: 'Production' }
        // Where the public reads and open-data files are: the edge (Front Door), one host for both.
        { name: 'OpenData__PublicBaseUrl', value: '${publicUrl}/${openDataContainerName}' }
        { name: 'OpenData__ApiBaseUrl', value: '${publicUrl}/api/v1' }
        { name: 'OpenApi__ServerUrl', value: '${publicUrl}/api/v1' }
        // The edge keeps current data until the app purges it (Front Door's purge action, its only right there).
        { name: 'Rand__Soort', value: 'FrontDoor' }
        { name: 'Rand__EndpointId', value: edgeEndpointId }
        // The same origins as siteConfig.cors: the app adds its headers (openapi.json: '*') and the platform's agree.
        { name: 'Cors__AllowedOrigins', value: join(corsOrigins, ',') }
        // The contact in the OpenAPI document and the DCAT catalogue: a real mailbox of the ministry, given at deployment.
        { name: 'OpenApi__ContactEmail', value: contactEmail }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        // One instance of the HTTP group is always warm: Front Door's misses and every write reach the origin, and a
        // cold instance costs seconds before its first answer (issue 32).
        alwaysReady: [
          { name: 'http', instanceCount: 1 }
        ]
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
        triggers: {
          http: {
            // Chosen, not left at the platform's default of 16: a request waits on memory or one Table Storage round
            // trip, so an instance serves more at once and fewer requests meet a cold new instance. Not measured in Azure.
            perInstanceConcurrency: 50
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
output hostName string = app.properties.defaultHostName

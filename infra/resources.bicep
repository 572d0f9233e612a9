// Everything in the resource group. Names use a token derived from subscription, environment and region.
param environmentName string
param location string
param tags object
param corsAllowedOrigins array
param websiteOrigin string
param contactEmail string
param snapshotSchedule string
param apiClientId string
param beheerClientId string
param pipelineClientIds string

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${resourceToken}'
  location: location
  tags: tags
}

module storage 'storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    principalId: identity.properties.principalId
  }
}

// The public edge: every public read is answered by Front Door; the function app only takes what it forwards.
module edge 'edge.bicep' = {
  name: 'edge'
  params: {
    profileName: 'afd-${resourceToken}'
    endpointName: 'voortgang-${resourceToken}'
    tags: tags
  }
}

module functionApp 'function-app.bicep' = {
  name: 'function-app'
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    webhookQueueName: storage.outputs.webhookQueueName
    deploymentContainerName: storage.outputs.deploymentContainerName
    openDataContainerName: storage.outputs.openDataContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    corsAllowedOrigins: corsAllowedOrigins
    websiteOrigin: websiteOrigin
    contactEmail: contactEmail
    snapshotSchedule: snapshotSchedule
    apiClientId: apiClientId
    beheerClientId: beheerClientId
    pipelineClientIds: pipelineClientIds
    frontDoorId: edge.outputs.frontDoorId
    edgeEndpointId: edge.outputs.endpointId
    publicHostName: edge.outputs.hostName
  }
  // The app starts (and imports the seed) as soon as it exists: its identity must already have its roles.
  dependsOn: [roles]
}

module edgeRoutes 'edge-routes.bicep' = {
  name: 'edge-routes'
  params: {
    profileName: edge.outputs.profileName
    endpointName: edge.outputs.endpointName
    functionAppHostName: functionApp.outputs.hostName
    blobHostName: split(storage.outputs.blobEndpoint, '/')[2]
    principalId: identity.properties.principalId
    queryParameters: loadJsonContent('../edge/queryparameters.json')
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUri string = functionApp.outputs.uri
output storageAccountName string = storage.outputs.name
// The open data as the public reads it: through the edge (the blob endpoint serves the same files, uncached).
output openDataBaseUrl string = 'https://${edge.outputs.hostName}/${storage.outputs.openDataContainerName}'
output publicUrl string = 'https://${edge.outputs.hostName}'

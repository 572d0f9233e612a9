// Everything in the resource group. Names use a token derived from subscription, environment and region.
param environmentName string
param location string
param tags object
param corsAllowedOrigins array
param websiteOrigin string
param contactEmail string
param snapshotSchedule string
param apiClientId string

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
    deploymentContainerName: storage.outputs.deploymentContainerName
    openDataContainerName: storage.outputs.openDataContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    corsAllowedOrigins: corsAllowedOrigins
    websiteOrigin: websiteOrigin
    contactEmail: contactEmail
    snapshotSchedule: snapshotSchedule
    apiClientId: apiClientId
  }
  // The app starts (and imports the seed) as soon as it exists: its identity must already have its roles.
  dependsOn: [roles]
}

output functionAppName string = functionApp.outputs.name
output functionAppUri string = functionApp.outputs.uri
output storageAccountName string = storage.outputs.name
output openDataBaseUrl string = '${storage.outputs.blobEndpoint}${storage.outputs.openDataContainerName}'

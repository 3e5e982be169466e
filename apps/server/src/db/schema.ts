/** Every table, for drizzle-kit and the typed query builder. */
export * from '../organisations/organisations.tables';
export * from '../catalog/catalog.tables';
export * from '../alerts/alerts.tables';
export * from '../cases/cases.tables';
export * from '../cases/conversation.tables';
export * from '../notifications/notifications.tables';

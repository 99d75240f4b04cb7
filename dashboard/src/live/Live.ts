import * as signalR from '@microsoft/signalr';
import type { CaseSnapshot, Notice } from '../api/model';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface LiveHandlers {
  caseChanged(snapshot: CaseSnapshot): void;
  /** milestoneWarning, milestoneViolated and milestoneCompleted: the webhook payload, with its stable deliveryId. */
  notice(notice: Notice): void;
  state(state: ConnectionState): void;
  /** After a reconnect the groups are gone: subscribe again and take fresh snapshots. */
  reconnected(): void;
  /** The server closed the connection for good (a revoked key, the host stopping) or reconnecting gave up. */
  closed(error?: Error): void;
}

/** The hub connection: the key travels as access_token, as browsers cannot set headers on WebSockets. */
export class Live {
  private readonly connection: signalR.HubConnection;

  constructor(key: string, handlers: LiveHandlers) {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('hubs/sla', { accessTokenFactory: () => key })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.on('caseChanged', handlers.caseChanged);
    for (const type of ['milestoneWarning', 'milestoneViolated', 'milestoneCompleted']) {
      this.connection.on(type, handlers.notice);
    }
    // Escalations arrive as a caseChanged too; the notice itself adds nothing the row does not show.
    this.connection.on('caseEscalated', () => undefined);
    this.connection.onreconnecting(() => handlers.state('reconnecting'));
    this.connection.onreconnected(() => {
      handlers.state('connected');
      handlers.reconnected();
    });
    this.connection.onclose((error) => {
      handlers.state('disconnected');
      handlers.closed(error);
    });
  }

  async start(): Promise<void> {
    await this.connection.start();
  }

  async stop(): Promise<void> {
    await this.connection.stop();
  }

  subscribeQueue(queue: string): Promise<CaseSnapshot[]> {
    return this.connection.invoke<CaseSnapshot[]>('SubscribeQueue', queue);
  }

  unsubscribeQueue(queue: string): Promise<void> {
    return this.connection.invoke('UnsubscribeQueue', queue);
  }

  /** `me`: the caller's own cases, wherever they sit, including those assigned to them later. */
  subscribeOwner(owner: string): Promise<CaseSnapshot[]> {
    return this.connection.invoke<CaseSnapshot[]>('SubscribeOwner', owner);
  }

  unsubscribeOwner(owner: string): Promise<void> {
    return this.connection.invoke('UnsubscribeOwner', owner);
  }

  subscribeCase(caseId: string): Promise<CaseSnapshot | null> {
    return this.connection.invoke<CaseSnapshot | null>('SubscribeCase', caseId);
  }

  unsubscribeCase(caseId: string): Promise<void> {
    return this.connection.invoke('UnsubscribeCase', caseId);
  }
}

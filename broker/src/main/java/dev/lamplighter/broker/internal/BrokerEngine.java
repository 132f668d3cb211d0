package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerExtensions;
import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.BrokerStorage;
import dev.lamplighter.broker.BrokerTls;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.TransportIdentity;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the broker's threads and state: one acceptor thread, the I/O event loops (which are also the
 * sessions' single writers), a small pool that runs authentication (it may block on storage), and a
 * periodic sweep of expired sessions.
 */
public final class BrokerEngine {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerEngine.class);
  private static final long SWEEP_SECONDS = 30;
  private static final long FLUSH_MILLIS = 100;
  private static final long COMPACTION_CHECK_SECONDS = 10;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ExecutorService authExecutor;
  private final Channel listener;
  private final BrokerContext context;
  private final List<ScheduledFuture<?>> timers;
  private final Journal journal;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ChannelGroup established =
      new DefaultChannelGroup("mqtt-established", GlobalEventExecutor.INSTANCE);

  private BrokerEngine(
      EventLoopGroup boss,
      EventLoopGroup workers,
      ExecutorService authExecutor,
      Channel listener,
      BrokerContext context,
      List<ScheduledFuture<?>> timers,
      Journal journal) {
    this.boss = boss;
    this.workers = workers;
    this.authExecutor = authExecutor;
    this.listener = listener;
    this.context = context;
    this.timers = timers;
    this.journal = journal;
  }

  public static BrokerEngine start(
      BrokerSettings settings,
      BrokerTls tls,
      BrokerExtensions extensions,
      Clock clock,
      BrokerStorage storage) {
    Journal journal = null;
    JournalState saved = null;
    if (storage.durable()) {
      Journal.Recovered recovered = Journal.open(storage, clock.millis());
      journal = recovered.journal();
      saved = recovered.state();
    }
    EventLoopGroup boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("mqtt-accept", true), ioHandler());
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("mqtt-io", true), ioHandler());
    ExecutorService authExecutor =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("mqtt-auth", true));
    SessionRegistry sessions =
        new SessionRegistry(workers, clock::millis, settings.maxQueuedMessages(), journal);
    RetainedMessages retained = new RetainedMessages();
    if (saved != null) {
      sessions.restore(saved, clock.millis());
      saved
          .retained()
          .forEach(
              (namespace, topics) ->
                  topics.forEach((topic, message) -> retained.restore(namespace, topic, message)));
    }
    Router router = new Router(sessions, retained, clock::millis, journal);
    BrokerContext context =
        new BrokerContext(
            settings,
            extensions,
            new Topics(settings.maxTopicBytes(), settings.maxTopicSlashes()),
            sessions,
            router,
            authExecutor,
            clock,
            new AtomicLong(),
            new ConnectRateLimiter(
                settings.maxConnectsPerSecond(),
                settings.maxConnectsPerSecondPerClientId(),
                System::nanoTime));
    try {
      Channel listener =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(
                  Epoll.isAvailable()
                      ? EpollServerSocketChannel.class
                      : NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              // A connection whose unsent bytes pass the high mark is a slow consumer: its QoS 0
              // messages are dropped until it drains below the low mark.
              .childOption(
                  ChannelOption.WRITE_BUFFER_WATER_MARK,
                  new WriteBufferWaterMark(
                      settings.maxPacketBytes(), 2 * settings.maxPacketBytes()))
              .childHandler(
                  new MqttChannelInitializer(context, tls == null ? null : new TlsContexts(tls)))
              .bind(new InetSocketAddress(settings.bindAddress(), settings.port()))
              .syncUninterruptibly()
              .channel();
      List<ScheduledFuture<?>> timers = new ArrayList<>();
      timers.add(
          workers.scheduleWithFixedDelay(
              sessions::expireSessions, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS));
      if (journal != null) {
        Journal open = journal;
        timers.add(
            workers.scheduleWithFixedDelay(
                open::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS));
        // Compaction reads and rewrites the file: on the authentication pool, off the event loops.
        timers.add(
            workers.scheduleWithFixedDelay(
                () -> {
                  if (open.wantsCompaction()) {
                    authExecutor.execute(() -> open.compact(clock.millis()));
                  }
                },
                COMPACTION_CHECK_SECONDS,
                COMPACTION_CHECK_SECONDS,
                TimeUnit.SECONDS));
      }
      BrokerEngine engine =
          new BrokerEngine(boss, workers, authExecutor, listener, context, timers, journal);
      LOG.info(
          "MQTT broker listening on {}:{} ({}, {})",
          settings.bindAddress(),
          engine.port(),
          tls == null ? "plain TCP" : "TLS with client certificates, " + TlsContexts.PROVIDER,
          Epoll.isAvailable() ? "epoll" : "NIO");
      return engine;
    } catch (RuntimeException e) {
      if (journal != null) {
        journal.close();
      }
      boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      authExecutor.shutdownNow();
      throw new IllegalStateException(
          "Cannot listen for MQTT on " + settings.bindAddress() + ":" + settings.port(), e);
    }
  }

  /** Linux's epoll when its native library loads here (fewer system calls), else NIO. */
  private static IoHandlerFactory ioHandler() {
    return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  public void publish(String namespace, Message message) {
    String problem = context.topics().checkName(message.topic());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    context.router().route(namespace, message, null);
  }

  public void publishTo(String namespace, String clientId, Message message) {
    String problem = context.topics().checkName(message.topic());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    context
        .sessions()
        .find(new SessionKey(namespace, clientId))
        .ifPresent(session -> session.run(() -> session.deliverDirect(message)));
  }

  public boolean hasSubscribers(String namespace, String topic) {
    return context.sessions().tree(namespace).hasMatch(topic);
  }

  public List<RetainedMessage> retainedMessages(String namespace) {
    return context.router().retained().all(namespace);
  }

  public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
    return context.router().retained().get(namespace, topic);
  }

  public boolean isConnected(String namespace, String clientId) {
    return context
        .sessions()
        .find(new SessionKey(namespace, clientId))
        .map(Session::isOnline)
        .orElse(false);
  }

  public void dropForbiddenSubscriptions(String namespace, String clientId) {
    context
        .sessions()
        .find(new SessionKey(namespace, clientId))
        .ifPresent(
            session ->
                session.run(
                    () -> {
                      List<String> dropped = session.dropForbiddenSubscriptions();
                      if (!dropped.isEmpty()) {
                        LOG.info(
                            "[{}] may no longer hold subscriptions {}: removed", clientId, dropped);
                      }
                    }));
  }

  public boolean disconnect(
      String namespace, String clientId, boolean discardSession, boolean publishWill) {
    Optional<Session> session = context.sessions().find(new SessionKey(namespace, clientId));
    Connection live = session.map(Session::connection).orElse(null);
    if (live == null) {
      return false;
    }
    Session found = session.get();
    if (discardSession) {
      found.run(found::endWithConnection);
    }
    found.run(() -> live.close(DisconnectReason.SERVER_INITIATED_DISCONNECT, publishWill));
    return true;
  }

  /**
   * Serves MQTT on a channel the embedder established and whose last pipeline stage reads and
   * writes MQTT's bytes; see {@link dev.lamplighter.broker.MqttBroker#serve}.
   */
  public void serve(Channel channel, TransportIdentity identity) {
    if (!channel.eventLoop().inEventLoop()) {
      channel.eventLoop().execute(() -> serve(channel, identity));
      return;
    }
    BrokerSettings settings = context.settings();
    // The same slow-consumer marks as the broker's own connections.
    channel
        .config()
        .setWriteBufferWaterMark(
            new WriteBufferWaterMark(settings.maxPacketBytes(), 2 * settings.maxPacketBytes()));
    established.add(channel);
    MqttChannelInitializer.serveEstablished(channel, context, identity);
    channel.config().setAutoRead(true);
  }

  /** Stops the broker; a second call does nothing. */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    timers.forEach(timer -> timer.cancel(false));
    listener.close().syncUninterruptibly();
    established.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    authExecutor.shutdownNow();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    if (journal != null) {
      journal.close();
    }
  }
}

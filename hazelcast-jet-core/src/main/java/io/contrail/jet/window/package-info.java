/**
 * Event-time windows: {@link io.contrail.jet.window.WindowDefinition} (tumbling, sliding,
 * session), the results window processors emit ({@link io.contrail.jet.window.KeyedWindowResult})
 * and the frame partials that travel between the two stages of a windowed aggregation
 * ({@link io.contrail.jet.window.KeyedFrame}, {@link io.contrail.jet.window.LongKeyedFrame}).
 */
package io.contrail.jet.window;

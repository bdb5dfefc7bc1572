package io.contrail.jet.core;

/** A checked exception thrown by a processor, wrapped with the vertex and processor it came from. */
public class ProcessorException extends RuntimeException {

    public ProcessorException(Processor.Context context, Throwable cause) {
        super(context == null
                ? cause.toString()
                : "Processor " + context.globalProcessorIndex() + " of vertex '" + context.vertexName() + "' failed: " + cause,
                cause);
    }
}

package io.contrail.jet.impl.execution;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.Processor;
import io.contrail.jet.job.ProcessingGuarantee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Processor.Context} the engine gives each processor. */
record ProcessorContextImpl(HazelcastInstance hazelcastInstance, long jobId, String jobName, String vertexName,
                            int globalProcessorIndex, int localProcessorIndex, int totalParallelism,
                            int localParallelism, ProcessingGuarantee processingGuarantee,
                            long maxProcessorAccumulatedRecords)
        implements Processor.Context {

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("io.contrail.jet.processor." + vertexName + "#" + globalProcessorIndex);
    }
}

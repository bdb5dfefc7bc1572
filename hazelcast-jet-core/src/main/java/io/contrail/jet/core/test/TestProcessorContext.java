package io.contrail.jet.core.test;

import com.hazelcast.core.HazelcastInstance;
import io.contrail.jet.core.Processor;
import io.contrail.jet.job.ProcessingGuarantee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Processor.Context} for tests, with settable fields. */
public final class TestProcessorContext implements Processor.Context {

    private HazelcastInstance hazelcastInstance;
    private long jobId = 1;
    private String jobName = "test-job";
    private String vertexName = "test-vertex";
    private int globalProcessorIndex;
    private int localProcessorIndex;
    private int totalParallelism = 1;
    private int localParallelism = 1;
    private ProcessingGuarantee processingGuarantee = ProcessingGuarantee.NONE;
    private long maxProcessorAccumulatedRecords = Long.MAX_VALUE;

    public TestProcessorContext setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcastInstance = hazelcastInstance;
        return this;
    }

    public TestProcessorContext setVertexName(String vertexName) {
        this.vertexName = vertexName;
        return this;
    }

    /** Sets the processor's index and the parallelism, on a single member. */
    public TestProcessorContext setProcessorIndex(int index, int parallelism) {
        this.globalProcessorIndex = index;
        this.localProcessorIndex = index;
        this.totalParallelism = parallelism;
        this.localParallelism = parallelism;
        return this;
    }

    public TestProcessorContext setProcessingGuarantee(ProcessingGuarantee processingGuarantee) {
        this.processingGuarantee = processingGuarantee;
        return this;
    }

    public TestProcessorContext setMaxProcessorAccumulatedRecords(long max) {
        this.maxProcessorAccumulatedRecords = max;
        return this;
    }

    @Override
    public long maxProcessorAccumulatedRecords() {
        return maxProcessorAccumulatedRecords;
    }

    @Override
    public HazelcastInstance hazelcastInstance() {
        if (hazelcastInstance == null) {
            throw new IllegalStateException("This test context has no Hazelcast instance: set one with setHazelcastInstance()");
        }
        return hazelcastInstance;
    }

    @Override
    public long jobId() {
        return jobId;
    }

    @Override
    public String jobName() {
        return jobName;
    }

    @Override
    public String vertexName() {
        return vertexName;
    }

    @Override
    public int globalProcessorIndex() {
        return globalProcessorIndex;
    }

    @Override
    public int localProcessorIndex() {
        return localProcessorIndex;
    }

    @Override
    public int totalParallelism() {
        return totalParallelism;
    }

    @Override
    public int localParallelism() {
        return localParallelism;
    }

    @Override
    public ProcessingGuarantee processingGuarantee() {
        return processingGuarantee;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("io.contrail.jet.processor." + vertexName + "#" + globalProcessorIndex);
    }
}

package dev.sluice.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A Flink cluster's REST API on 127.0.0.1, called as the web UI, the Kubernetes operator's {@code
 * FlinkSessionJob} and {@code curl} call it: plain HTTP and JSON, nothing of Flink's client.
 */
public final class FlinkRest {
  private static final Set<String> ENDED = Set.of("FINISHED", "FAILED", "CANCELED");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Supplier<String> diagnostics;

  /**
   * @param diagnostics what to show when the cluster does not answer (the JobManager's log)
   */
  FlinkRest(int port, Supplier<String> diagnostics) {
    this.base = "http://127.0.0.1:" + port;
    this.diagnostics = diagnostics;
  }

  /** How many TaskManagers have registered; -1 while the REST endpoint is not up yet. */
  public int registeredTaskManagers() throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/overview")).build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body()).path("taskmanagers").asInt();
    } catch (IOException notYetListening) {
      return -1;
    }
  }

  /** {@code GET /jobs/:id}: the job's state, as the REST API names it (RUNNING, FINISHED, …). */
  public String jobState(String jobId) throws IOException, InterruptedException {
    return get("/jobs/" + jobId).path("state").asText();
  }

  /** {@code GET /jobs/overview}: every job the cluster knows. */
  public JsonNode jobsOverview() throws IOException, InterruptedException {
    return get("/jobs/overview");
  }

  /** Polls the job until it is FINISHED, FAILED or CANCELED, and returns that state. */
  public String awaitJobEnd(String jobId, Duration patience)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    String state = "(unknown)";
    while (System.nanoTime() < deadline) {
      state = jobState(jobId);
      if (ENDED.contains(state)) {
        return state;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job " + jobId + " still " + state + " after " + patience);
  }

  /**
   * {@code POST /jars/upload}: the jar as a multipart form's {@code jarfile}, as the web UI sends
   * it. Returns the id the cluster gave the jar.
   */
  public String uploadJar(Path jar) throws IOException, InterruptedException {
    String boundary = "sluice-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    if (!answer.path("status").asText().equals("success")) {
      throw new AssertionError("POST /jars/upload answered " + answer);
    }
    return Path.of(answer.path("filename").asText()).getFileName().toString();
  }

  /**
   * {@code POST /jars/:id/run} with the program's arguments, as {@code FlinkSessionJob} does;
   * returns the id of the job the program submitted.
   */
  public String runJar(String jarId, String entryClass, List<String> programArguments)
      throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode();
    request.put("entryClass", entryClass);
    request.putPOJO("programArgsList", programArguments);
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build());
    if (!answer.hasNonNull("jobid")) {
      throw new AssertionError("POST /jars/" + jarId + "/run answered " + answer);
    }
    return answer.get("jobid").asText();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).build());
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    // Flink answers errors as JSON too ({"errors": […]}), which the callers show.
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException(
          request.method() + " " + request.uri() + ": no answer (" + e + ")\n" + diagnostics.get(),
          e);
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}

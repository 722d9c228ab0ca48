// Run by attachment-memory.test.ts in a fresh process (`node --import tsx`), so that the peak memory it reports
// is this one request's: posts a valid DOCX application (warm-up), then the given file, and prints one JSON line.
import { dataUrl, docxBytes, validRequest, zipBombDocx } from "@lba/core/testing";
import { applicationRoutesApp } from "../../test-app";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const { post: postJson, company } = applicationRoutesApp({ webhookAuth: null });

const post = async (file: Buffer, applicant: string) => {
  const res = await postJson(
    "/api/V1/application",
    validRequest(company.token, {
      applicant_email: applicant,
      applicant_file_name: "cv.docx",
      applicant_file_content: dataUrl(file, DOCX),
    }),
  );
  return { status: res.status, body: (await res.json()) as unknown };
};

const warmUp = await post(docxBytes(), "warm-up@example.org");
const bomb = zipBombDocx(1024 * 1024);
const before = { maxRss: process.resourceUsage().maxRSS * 1024, ...process.memoryUsage() };
const answer = await post(bomb, "bomb@example.org");
const after = { maxRss: process.resourceUsage().maxRSS * 1024, ...process.memoryUsage() };
console.log(
  JSON.stringify({
    warmUp,
    answer,
    fileBytes: bomb.length,
    peakRssGrowth: after.maxRss - before.maxRss,
    arrayBuffersGrowth: after.arrayBuffers - before.arrayBuffers,
  }),
);
